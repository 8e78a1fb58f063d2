import threading
import time

window = threading.BoundedSemaphore(1)
doors_open = threading.Event()
served = 0
served_lock = threading.Lock()


def fan(n):
    global served
    doors_open.wait()
    with window:
        time.sleep(0.01)
        with served_lock:
            served += 1


fans = [threading.Thread(target=fan, args=(n,)) for n in range(4)]
for f in fans:
    f.start()
print("doors open?", doors_open.is_set())
time.sleep(0.05)
doors_open.set()
for f in fans:
    f.join()
print("fans served:", served)
print("window free:", window.acquire(blocking=False))
window.release()
print("doors still open?", doors_open.wait(0.1))
