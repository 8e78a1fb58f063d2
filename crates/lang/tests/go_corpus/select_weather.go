package main

import (
	"fmt"
	"time"
)

func main() {
	coast := make(chan string)
	mountain := make(chan string)

	go func() {
		time.Sleep(60 * time.Millisecond)
		coast <- "coast: light rain"
	}()
	go func() {
		time.Sleep(180 * time.Millisecond)
		mountain <- "mountain: snow above 900 m"
	}()

	// Wait for both reports, taking each as soon as it arrives.
	for i := 0; i < 2; i++ {
		select {
		case report := <-coast:
			fmt.Println("report", i+1, "-", report)
		case report := <-mountain:
			fmt.Println("report", i+1, "-", report)
		}
	}
}
