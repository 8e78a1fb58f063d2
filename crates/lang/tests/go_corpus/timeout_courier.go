package main

import (
	"fmt"
	"time"
)

// fetch answers after the given delay on a buffered channel, so it never blocks forever.
func fetch(name string, delay time.Duration) <-chan string {
	answer := make(chan string, 1)
	go func() {
		time.Sleep(delay)
		answer <- name + " arrived"
	}()
	return answer
}

func main() {
	slow := fetch("freight", 300*time.Millisecond)
	select {
	case msg := <-slow:
		fmt.Println(msg)
	case <-time.After(100 * time.Millisecond):
		fmt.Println("freight: gave up after 100ms")
	}

	quick := fetch("express", 50*time.Millisecond)
	select {
	case msg := <-quick:
		fmt.Println(msg)
	case <-time.After(200 * time.Millisecond):
		fmt.Println("express: gave up after 200ms")
	}
}
