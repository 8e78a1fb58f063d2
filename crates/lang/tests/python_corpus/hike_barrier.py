import threading

summit = threading.Barrier(3)
notes = []
notes_lock = threading.Lock()


def hiker(name, steps):
    with notes_lock:
        notes.append(("climb", name, steps))
    summit.wait()
    with notes_lock:
        notes.append(("descend", name, steps))


group = [
    threading.Thread(target=hiker, args=("Anouk", 120)),
    threading.Thread(target=hiker, args=("Bastien", 95)),
    threading.Thread(target=hiker, args=("Chiara", 143)),
]
for h in group:
    h.start()
for h in group:
    h.join()

print("climbed before anyone descended:", all(n[0] == "climb" for n in notes[:3]))
print("parties:", summit.parties)
for phase, name, steps in sorted(notes):
    print(phase, name, steps)
