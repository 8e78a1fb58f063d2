import threading

checkpoint = threading.Barrier(4)
arrivals = []
arrivals_lock = threading.Lock()
orders = []


def runner(name):
    for leg in range(3):
        with arrivals_lock:
            arrivals.append(leg)
        place = checkpoint.wait()
        with arrivals_lock:
            orders.append(place)
            # Everyone reached this leg's checkpoint before anyone went past it.
            if sum(1 for a in arrivals if a == leg) != 4:
                print("someone ran ahead on leg", leg)


team = [threading.Thread(target=runner, args=(n,)) for n in ["ana", "ben", "cy", "di"]]
for t in team:
    t.start()
for t in team:
    t.join()
print("checkpoint parties:", checkpoint.parties)
print("places handed out:", sorted(orders))
