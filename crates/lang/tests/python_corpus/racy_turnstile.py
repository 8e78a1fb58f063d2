import threading


class Turnstile:
    def __init__(self):
        self.visitors = 0
        self.lock = threading.Lock()

    def enter(self):
        with self.lock:
            self.visitors += 1


gate = Turnstile()


def crowd(size):
    for _ in range(size):
        gate.enter()


waves = [threading.Thread(target=crowd, args=(250,)) for _ in range(4)]
for w in waves:
    w.start()
for w in waves:
    w.join()
print("visitors counted:", gate.visitors)
print("expected:", 4 * 250)
