package main

import "fmt"

func main() {
	queue := make(chan int, 2)
	queue <- 1
	close(queue)
	fmt.Println("queue closed with", len(queue), "waiting")
	// Sending after close is a run-time panic.
	queue <- 2
	fmt.Println("unreachable")
}
