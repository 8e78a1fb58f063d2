import threading

readings = []
lock = threading.Lock()


def sensor(base):
    value = base / 3
    with lock:
        readings.append(value)


sensors = [threading.Thread(target=sensor, args=(b,)) for b in (1, 2, 10)]
for s in sensors:
    s.start()
for s in sensors:
    s.join()

readings.sort()
print(readings)
print(0.1 + 0.2, 1 / 4, 7 / 7, 2.5 * 4)
print(sum(readings), round(sum(readings), 2))
print(1e16, 1e-5, 123456789.0 * 10, float(3), -0.0)
print(10 / 4, 10 // 4, 10 % 4, -7 // 2, 2 ** 10, 2 ** 0.5)
print(str(3.14), repr(1.10), int(9.99), float("2.5"))
