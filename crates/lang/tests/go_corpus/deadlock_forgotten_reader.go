package main

import "fmt"

func main() {
	letters := make(chan string)
	fmt.Println("writing a letter")
	// Nobody ever receives, so this send blocks forever.
	letters <- "dear Ada"
	fmt.Println("sent")
}
