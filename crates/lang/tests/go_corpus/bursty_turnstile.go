package main

import (
	"fmt"
	"time"
)

func main() {
	// Tokens for the turnstile: up to 3 may be saved for a burst.
	tokens := make(chan bool, 3)
	for i := 0; i < 3; i++ {
		tokens <- true
	}

	// After the burst, a new token every 70 ms.
	go func() {
		ticker := time.NewTicker(70 * time.Millisecond)
		defer ticker.Stop()
		for range ticker.C {
			tokens <- true
		}
	}()

	start := time.Now()
	for visitor := 1; visitor <= 5; visitor++ {
		<-tokens
		late := time.Since(start) >= 50*time.Millisecond
		fmt.Printf("visitor %d through (after burst: %t)\n", visitor, late)
	}
}
