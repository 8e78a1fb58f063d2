import logging
import sys
import threading
import time

logging.basicConfig(level=logging.INFO, format="%(threadName)s: %(message)s", stream=sys.stdout)


def pump(station, delay):
    time.sleep(delay)
    logging.info("station %s pumped %d litres", station, int(delay * 100))


stations = [
    threading.Thread(target=pump, args=("east", 0.2), name="Pump-E"),
    threading.Thread(target=pump, args=("west", 0.1), name="Pump-W"),
]
logging.info("opening stations")
for s in stations:
    s.start()
for s in stations:
    s.join()
logging.warning("all stations closed")
