import threading

lock = threading.Lock()
tally = {"red": 0, "blue": 0}


def vote(colour, times):
    for _ in range(times):
        with lock:
            tally[colour] += 1


def main():
    voters = []
    for colour, times in (("red", 7), ("blue", 9), ("red", 4)):
        voters.append(threading.Thread(target=vote, args=(colour, times)))
    for v in voters:
        v.start()
    for v in voters:
        v.join()
    winner = max(tally, key=tally.get)
    print("tally:", tally)
    print("winner:", winner)


if __name__ == "__main__":
    main()
    print("__name__ is", __name__)
