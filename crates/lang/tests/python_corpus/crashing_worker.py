import threading

shelves = {"jam": 3, "honey": 0}


def ration(item):
    portions = 12 // shelves[item]
    print("portions of", item, portions)


first = threading.Thread(target=ration, args=("jam",), name="jam-thread")
first.start()
first.join()

second = threading.Thread(target=ration, args=("honey",), name="honey-thread")
second.start()
second.join()

print("main carries on after the crash")
print("honey thread alive:", second.is_alive())
