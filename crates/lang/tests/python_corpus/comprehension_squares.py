import threading

squares = [0] * 6


def fill(slot):
    squares[slot] = slot * slot


workers = [threading.Thread(target=fill, args=(n,)) for n in range(6)]
[w.start() for w in workers]
[w.join() for w in workers]

print(squares)
print("even squares:", [s for s in squares if s % 2 == 0])
print("as dict:", {n: s for n, s in enumerate(squares) if n > 2})
print("distinct last digits:", sorted({s % 10 for s in squares}))
