package main

import "fmt"

// harvest sends each sack weight, then closes its channel.
func harvest(weights ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, w := range weights {
			out <- w
		}
		close(out)
	}()
	return out
}

// grind turns each sack into flour, keeping four fifths.
func grind(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for w := range in {
			out <- w * 4 / 5
		}
		close(out)
	}()
	return out
}

func main() {
	total := 0
	for flour := range grind(harvest(50, 25, 40, 10)) {
		fmt.Println("flour bag:", flour)
		total += flour
	}
	fmt.Println("total flour:", total)
}
