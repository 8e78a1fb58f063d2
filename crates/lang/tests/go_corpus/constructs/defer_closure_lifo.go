package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		defer func() {
			fmt.Println("closure", i)
		}()
	}
	x := 1
	defer fmt.Println("value at defer", x)
	defer func() {
		fmt.Println("value at return", x)
	}()
	x = 2
	fmt.Println("body done")
}
