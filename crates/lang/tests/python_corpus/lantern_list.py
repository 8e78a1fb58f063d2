import threading

results = {}
results_lock = threading.Lock()


def light_lantern(number):
    flame = number * number + 1
    with results_lock:
        results[number] = flame


lanterns = []
for i in range(4):
    t = threading.Thread(target=light_lantern, args=(i,))
    lanterns.append(t)
    t.start()

for t in lanterns:
    t.join()

for number in sorted(results):
    print("lantern", number, "burns at", results[number])
print("all lanterns lit:", len(results))
