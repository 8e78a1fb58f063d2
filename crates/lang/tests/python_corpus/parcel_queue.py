import queue
import threading

parcels = queue.Queue()
delivered = []
delivered_lock = threading.Lock()


def courier():
    while True:
        parcel = parcels.get()
        with delivered_lock:
            delivered.append(parcel.upper())
        parcels.task_done()


for n in range(3):
    threading.Thread(target=courier, daemon=True, name=f"courier-{n}").start()

for street in ["elm", "oak", "ash", "fir", "yew"]:
    parcels.put(street)

parcels.join()
print("delivered", len(delivered), "parcels")
print(", ".join(sorted(delivered)))
print("queue empty:", parcels.empty())
