import threading

log = []
log_lock = threading.Lock()


def bake(loaves):
    me = threading.current_thread().name
    with log_lock:
        log.append((me, loaves))


bakers = []
for name, loaves in [("Rye", 3), ("Spelt", 5), ("Wheat", 2)]:
    bakers.append(threading.Thread(target=bake, args=(loaves,), name=name))

for b in bakers:
    print("starting", b.name)
    b.start()
for b in bakers:
    b.join()

for me, loaves in sorted(log):
    print(me, "baked", loaves, "loaves")
print("main thread is", threading.current_thread().name)
