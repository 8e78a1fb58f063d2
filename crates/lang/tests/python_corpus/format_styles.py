import threading

menu = {"soup": 4.5, "bread": 2.25, "pie": 3.0}
receipt = []
receipt_lock = threading.Lock()


def order(dish, count):
    price = menu[dish] * count
    with receipt_lock:
        receipt.append((dish, count, price))


orders = [("soup", 2), ("bread", 3), ("pie", 1)]
cooks = [threading.Thread(target=order, args=o) for o in orders]
for c in cooks:
    c.start()
for c in cooks:
    c.join()

for dish, count, price in sorted(receipt):
    print("%-6s x%d = %.2f" % (dish, count, price))
    print("{} x{} costs {}".format(dish, count, price))
    print(f"{dish:>8}|{count:03d}|{price:8.3f}|")
total = sum(p for _, _, p in receipt)
print("Total: %s" % total)
print("Total: {0:.1f} ({0})".format(total))
print(f"{'done':^10}!")
