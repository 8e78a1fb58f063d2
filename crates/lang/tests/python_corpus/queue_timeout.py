import queue
import threading
import time

mailbox = queue.Queue()


def postman():
    for letter in ["invoice", "postcard"]:
        time.sleep(0.1)
        mailbox.put(letter)


def resident():
    received = []
    while True:
        try:
            letter = mailbox.get(timeout=0.5)
        except queue.Empty:
            print("no more mail; got", received)
            return
        received.append(letter)
        print("got", letter)


threading.Thread(target=postman).start()
r = threading.Thread(target=resident)
r.start()
r.join()
try:
    mailbox.get(block=False)
except queue.Empty:
    print("mailbox is empty")
