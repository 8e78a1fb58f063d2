import threading
import time

spaces = threading.Semaphore(2)
state_lock = threading.Lock()
parked = 0
most_parked = 0


def car(plate):
    global parked, most_parked
    with spaces:
        with state_lock:
            parked += 1
            most_parked = max(most_parked, parked)
        time.sleep(0.05)
        with state_lock:
            parked -= 1


cars = [threading.Thread(target=car, args=("CAR-%d" % n,)) for n in range(6)]
for c in cars:
    c.start()
for c in cars:
    c.join()
print("cars parked now:", parked)
print("never more than", most_parked, "at once")
