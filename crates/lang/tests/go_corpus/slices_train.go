package main

import "fmt"

func main() {
	cars := []string{"engine", "coal", "mail"}
	fmt.Println(cars, len(cars), cap(cars))

	cars = append(cars, "dining", "sleeper")
	fmt.Println(cars, len(cars))

	front := cars[:2]
	back := cars[len(cars)/2:]
	fmt.Println("front:", front, "back:", back)
	fmt.Println("middle:", cars[1:4])

	// A slice of a slice shares its storage.
	front[1] = "water"
	fmt.Println(cars[1])

	// copy makes an independent slice.
	spare := make([]string, len(cars))
	n := copy(spare, cars)
	spare[0] = "diesel"
	fmt.Println(n, cars[0], spare[0])

	seats := make([]int, 0, 4)
	for i := range 6 {
		seats = append(seats, i*10)
	}
	for i, s := range seats {
		if i%2 == 0 {
			fmt.Print(s, " ")
		}
	}
	fmt.Println()
	var empty []int
	fmt.Println(empty == nil, len(empty), empty)
}
