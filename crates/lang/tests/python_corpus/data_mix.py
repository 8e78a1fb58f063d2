import threading

inventory = {}
stock_lock = threading.Lock()


def unload(truck, goods):
    for item, count in goods:
        with stock_lock:
            inventory[item] = inventory.get(item, 0) + count


trucks = {
    "T1": [("pears", 10), ("plums", 4)],
    "T2": [("pears", 6), ("figs", 9)],
    "T3": [("plums", 1), ("dates", 12)],
}
threads = [threading.Thread(target=unload, args=(k, v)) for k, v in trucks.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()

for i, (item, count) in enumerate(sorted(inventory.items()), start=1):
    print(i, item, count)
kinds = set(inventory)
print("kinds:", sorted(kinds), len(kinds))
smallest, largest = min(inventory.values()), max(inventory.values())
print("smallest", smallest, "largest", largest)
first, *rest = sorted(inventory)
print("first:", first, "rest:", rest)
pair = (smallest, largest)
a, b = pair
a, b = b, a
print("swapped:", a, b, "tuple:", pair)
print("names and counts:", list(zip(sorted(inventory), sorted(inventory.values()))))
