import threading
import time


def runner(name, delay):
    time.sleep(delay)
    print(name, "reaches the line")


team = [("Ines", 0.3), ("Koa", 0.1), ("Lev", 0.2)]
racers = []
for name, delay in team:
    racers.append(threading.Thread(target=runner, args=(name, delay)))
for r in racers:
    r.start()
for r in racers:
    r.join()
print("relay over")
