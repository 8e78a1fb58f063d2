from concurrent.futures import ThreadPoolExecutor


def mileage(trip):
    litres, km = trip
    return km / litres


trips = [(40, 600), (32, 400), (50, 900), (8, 100)]

with ThreadPoolExecutor(max_workers=3) as pool:
    results = list(pool.map(mileage, trips))

for (litres, km), per_litre in zip(trips, results):
    print(km, "km on", litres, "litres:", per_litre, "km per litre")
print("best:", max(results), "worst:", min(results))
print("average:", sum(results) / len(results))
