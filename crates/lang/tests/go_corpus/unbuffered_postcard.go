package main

import "fmt"

func main() {
	// An unbuffered channel: a send waits until someone receives.
	postbox := make(chan string)

	go func() {
		postbox <- "greetings from Lisbon"
	}()

	card := <-postbox
	fmt.Println("received:", card)

	// The receiver can also be the goroutine.
	reply := make(chan int)
	go func() {
		stamps := <-reply
		fmt.Println("stamps bought:", stamps)
		reply <- stamps * 2
	}()
	reply <- 4
	fmt.Println("stamps used:", <-reply)
}
