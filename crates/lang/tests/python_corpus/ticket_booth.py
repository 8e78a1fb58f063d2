import threading

sold = 0
till = threading.Lock()


def sell(tickets):
    global sold
    for _ in range(tickets):
        with till:
            sold += 1


booths = []
for n in range(3):
    booth = threading.Thread(target=sell, args=(n + 2,))
    booth.start()
    booths.append(booth)

for booth in booths:
    booth.join()

print(f"tickets sold: {sold}")
print("booths open:", len(booths))
