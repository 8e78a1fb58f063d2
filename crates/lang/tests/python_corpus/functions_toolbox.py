import threading


def make_counter(start=0, step=1):
    count = start

    def tick():
        nonlocal count
        count += step
        return count

    return tick


def total_of(*numbers):
    return sum(numbers)


def describe(name, *, volume=10, unit="ml"):
    return f"{name}: {volume}{unit}"


tick = make_counter(step=5)
lock = threading.Lock()


def press(times):
    for _ in range(times):
        with lock:
            tick()


pressers = [threading.Thread(target=press, args=(4,)) for _ in range(3)]
for p in pressers:
    p.start()
for p in pressers:
    p.join()

print("counter after 12 presses:", tick() - 5)
print("total_of:", total_of(3, 4, 5), total_of())
print(describe("tea"), describe("milk", volume=250), describe("syrup", unit="tsp", volume=2))
double = lambda x: x * 2
print("doubled:", list(map(double, [1, 2, 3])))
print("by length:", sorted(["kiwi", "fig", "banana"], key=lambda w: len(w)))
