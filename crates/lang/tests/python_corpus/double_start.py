import threading

messages = []


def chime():
    messages.append("ding")


bell = threading.Thread(target=chime, name="bell")
bell.start()
bell.join()
try:
    bell.start()
except RuntimeError as err:
    print("second start refused:", err)
finally:
    print("finally runs")

print("messages:", messages)
try:
    int("seven")
except ValueError as err:
    print("ValueError:", err)
try:
    {"a": 1}["b"]
except KeyError as err:
    print("missing key", err)
