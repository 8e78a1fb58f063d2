import threading

pot = []
stove = threading.Condition()


def chef(ingredients):
    for item in ingredients:
        with stove:
            pot.append(item)
            stove.notify()


def taster(wanted):
    with stove:
        while len(pot) < wanted:
            stove.wait()
        print("tasting", wanted, "ingredients:", ", ".join(pot))


t = threading.Thread(target=taster, args=(4,))
t.start()
c = threading.Thread(target=chef, args=(["leek", "potato", "salt", "cream"],))
c.start()
c.join()
t.join()
print("pot holds", len(pot))
