import threading


class PiggyBank:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
        self.lock = threading.Lock()

    def deposit(self, amount):
        with self.lock:
            self.balance += amount

    def withdraw(self, amount):
        with self.lock:
            if amount > self.balance:
                return False
            self.balance -= amount
            return True


def save_coins(bank, coin, times):
    for _ in range(times):
        bank.deposit(coin)


pig = PiggyBank("Marit")
savers = [threading.Thread(target=save_coins, args=(pig, c, 100)) for c in (1, 2, 5)]
for s in savers:
    s.start()
for s in savers:
    s.join()
print(pig.owner, "has", pig.balance)
print("take 900:", pig.withdraw(900))
print("take 900 again:", pig.withdraw(900))
print("left:", pig.balance)
