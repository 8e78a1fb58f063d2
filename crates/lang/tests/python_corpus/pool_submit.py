import concurrent.futures


def weigh_crate(label, apples, grams_each=180):
    return label, apples * grams_each / 1000


crates = {"A": 24, "B": 30, "C": 18}

with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(weigh_crate, label, n) for label, n in crates.items()]
    heavy = pool.submit(weigh_crate, "D", 40, grams_each=250)
    weights = [f.result() for f in futures]

for label, kg in weights:
    print(f"crate {label}: {kg} kg")
print("crate D:", heavy.result())
print("done?", all(f.done() for f in futures))
total = sum(kg for _, kg in weights)
print("total: %.1f kg" % total)
