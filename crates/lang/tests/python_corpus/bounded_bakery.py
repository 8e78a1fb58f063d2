import queue
import threading

shelf = queue.Queue(maxsize=2)
DONE = None


def baker(count):
    for n in range(1, count + 1):
        shelf.put("bun-%d" % n)
    shelf.put(DONE)


def customer():
    eaten = []
    while True:
        bun = shelf.get()
        if bun is DONE:
            break
        eaten.append(bun)
    print("customer ate", len(eaten), "buns:", eaten)
    print("last one was", eaten[-1])


b = threading.Thread(target=baker, args=(6,))
c = threading.Thread(target=customer)
b.start()
c.start()
b.join()
c.join()
print("shelf size now", shelf.qsize())
