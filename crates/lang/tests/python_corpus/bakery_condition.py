import threading

loaves = 0
oven = threading.Condition()
sold = []
sold_lock = threading.Lock()


def customer(name):
    global loaves
    with oven:
        while loaves == 0:
            oven.wait()
        loaves -= 1
    with sold_lock:
        sold.append(name)


def baker(batches):
    global loaves
    for batch in batches:
        with oven:
            loaves += batch
            oven.notify(batch)


queue_of_people = [threading.Thread(target=customer, args=("c%d" % i,)) for i in range(5)]
for person in queue_of_people:
    person.start()
b = threading.Thread(target=baker, args=([2, 1, 2],), name="baker")
b.start()
b.join()
for person in queue_of_people:
    person.join()
print("served:", sorted(sold))
print("loaves left:", loaves)
