import threading

cards = []
cards_lock = threading.Lock()


def write_card(recipient, message="Happy birthday", stamps=1):
    text = "%s, %s! (%d stamps)" % (message, recipient, stamps)
    with cards_lock:
        cards.append(text)


jobs = [
    threading.Thread(target=write_card, kwargs={"recipient": "Odile"}),
    threading.Thread(target=write_card, args=("Bram",), kwargs={"stamps": 2}),
    threading.Thread(
        target=write_card,
        kwargs={"recipient": "Yusuf", "message": "Congratulations", "stamps": 3},
    ),
]
for job in jobs:
    job.start()
for job in jobs:
    job.join()

for card in sorted(cards):
    print(card)
