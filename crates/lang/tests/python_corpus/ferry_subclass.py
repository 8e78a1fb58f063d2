import threading


class Ferry(threading.Thread):
    def __init__(self, route, crossings):
        super().__init__()
        self.route = route
        self.crossings = crossings
        self.passengers = 0

    def run(self):
        for trip in range(self.crossings):
            self.passengers += 12 + trip


boats = [Ferry("north", 2), Ferry("harbour", 3), Ferry("island", 1)]
for boat in boats:
    boat.start()
for boat in boats:
    boat.join()

for boat in boats:
    print(f"{boat.route} ferry carried {boat.passengers} passengers")
total = sum(boat.passengers for boat in boats)
print("total carried:", total)
