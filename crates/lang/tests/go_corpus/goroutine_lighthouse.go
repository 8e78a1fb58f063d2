package main

import (
	"fmt"
	"time"
)

// signal prints a keeper's message three times.
func signal(keeper string) {
	for i := 1; i <= 3; i++ {
		fmt.Println(keeper, "flashes", i)
	}
}

func main() {
	// A plain call runs to the end before the next line.
	signal("Maren")

	// The same function started as a goroutine runs on its own.
	go signal("Tobias")

	// An anonymous function can be a goroutine too.
	go func(note string) {
		time.Sleep(100 * time.Millisecond)
		fmt.Println("foghorn:", note)
	}("low tide")

	// Give both goroutines time to finish before main returns.
	time.Sleep(250 * time.Millisecond)
	fmt.Println("harbour closed")
}
