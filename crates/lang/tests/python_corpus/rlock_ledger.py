import threading


class Ledger:
    def __init__(self):
        self.entries = []
        self.lock = threading.RLock()

    def add(self, amount):
        with self.lock:
            self.entries.append(amount)

    def add_pair(self, debit, credit):
        with self.lock:
            self.add(-debit)
            self.add(credit)

    def balance(self):
        with self.lock:
            return sum(self.entries)


book = Ledger()
clerks = [threading.Thread(target=book.add_pair, args=(d, c)) for d, c in [(5, 8), (3, 3), (10, 1)]]
for clerk in clerks:
    clerk.start()
for clerk in clerks:
    clerk.join()
print("entries:", len(book.entries))
print("balance:", book.balance())
