import threading

stamps = 0
desk = threading.Lock()


def stamp(letters):
    global stamps
    for _ in range(letters):
        with desk:
            stamps += 1


clerks = []
for n in range(3):
    clerk = threading.Thread(target=stamp, args=(4,))
    clerks.append(clerk)
    clerk.start()

for clerk in clerks:
    clerk.join()

print("letters stamped:", stamps)
