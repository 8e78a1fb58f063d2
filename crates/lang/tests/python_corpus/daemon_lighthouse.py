import threading
import time

flashes = 0


def lighthouse():
    global flashes
    while True:
        flashes += 1
        time.sleep(0.05)


keeper = threading.Thread(target=lighthouse, name="beacon", daemon=True)
print("daemon?", keeper.daemon)
keeper.start()
time.sleep(0.3)
print("the keeper goes home; the beacon is a daemon")
print("beacon alive:", keeper.is_alive())
