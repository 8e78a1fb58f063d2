package main

import (
	"fmt"
	"time"
)

// boil heats the water and reports on done when the kettle clicks off.
func boil(done chan bool) {
	fmt.Print("heating...")
	time.Sleep(80 * time.Millisecond)
	fmt.Println(" click")
	done <- true
}

func main() {
	done := make(chan bool, 1)
	go boil(done)

	// Block until the kettle says it is done.
	<-done
	fmt.Println("pouring tea")
}
