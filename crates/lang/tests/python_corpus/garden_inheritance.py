import threading


class Plant:
    kind = "plant"
    planted = 0

    def __init__(self, name, water):
        self.name = name
        self.water = water
        Plant.planted += 1

    def describe(self):
        return "%s the %s needs %d cups" % (self.name, self.kind, self.water)


class Cactus(Plant):
    kind = "cactus"

    def describe(self):
        return Plant.describe(self) + " (rarely)"


class Fern(Plant):
    kind = "fern"


bed = [Fern("Frida", 3), Cactus("Spike", 1), Plant("Basil", 2)]
lines = []
guard = threading.Lock()


def tend(plant):
    with guard:
        lines.append(plant.describe())


helpers = [threading.Thread(target=tend, args=(p,)) for p in bed]
for h in helpers:
    h.start()
for h in helpers:
    h.join()
for line in sorted(lines):
    print(line)
print("planted:", Plant.planted, "is Spike a Plant?", isinstance(bed[1], Plant))
