import threading
import time

finished = threading.Event()


def slow_kettle():
    time.sleep(0.4)
    finished.set()


kettle = threading.Thread(target=slow_kettle, name="kettle")
kettle.start()
kettle.join(timeout=0.1)
print("after a short wait, boiling?", kettle.is_alive())
print("event set?", finished.is_set())
kettle.join()
print("after a full wait, boiling?", kettle.is_alive())
print("event set?", finished.is_set())
print("threads alive:", threading.active_count())
