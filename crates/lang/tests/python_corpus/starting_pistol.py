import threading

pistol = threading.Event()
ready = []
ready_lock = threading.Lock()


def sprinter(lane):
    with ready_lock:
        ready.append(lane)
    pistol.wait()
    with ready_lock:
        ready.append(lane * 10)


lanes = [threading.Thread(target=sprinter, args=(n,)) for n in (1, 2, 3)]
for t in lanes:
    t.start()
print("pistol fired yet?", pistol.is_set())
pistol.set()
for t in lanes:
    t.join()
print("pistol fired yet?", pistol.is_set())
print("records:", sorted(ready))
print("wait after set returns", pistol.wait(0.1))
