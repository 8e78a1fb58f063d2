import threading

done = threading.Event()
beads = []


def string_beads(colours):
    for c in colours:
        beads.append(c[0])
    done.set()


t = threading.Thread(target=string_beads, args=(["amber", "blue", "coral", "denim"],))
t.start()
done.wait()
t.join()

print("necklace:", end=" ")
for b in beads:
    print(b, end="-")
print()
print(*beads, sep="")
print("a", "b", "c", sep=", ", end="!\n")
print("flushed", flush=True)
print("tabs\tand", "quotes'\"", repr("it's"))
print("lengths", [len(w) for w in "one three five".split()])
print("  padded  ".strip().upper(), "-".join(["x", "y", "z"]))
