package main

import "fmt"

// pack defers three chores; they run last-first when pack returns.
func pack() {
	fmt.Println("start packing")
	defer fmt.Println("fold the tent")
	defer fmt.Println("douse the fire")
	for i := 1; i <= 3; i++ {
		defer fmt.Println("pick up peg", i)
	}
	fmt.Println("packing done")
}

// countdown shows that deferred arguments are evaluated at the defer.
func countdown() int {
	n := 5
	defer fmt.Println("deferred n =", n)
	defer func() {
		fmt.Println("closure sees n =", n)
	}()
	n = 9
	return n
}

func main() {
	pack()
	fmt.Println("countdown returned", countdown())
}
