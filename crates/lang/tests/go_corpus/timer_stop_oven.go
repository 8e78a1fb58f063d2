package main

import (
	"fmt"
	"time"
)

func main() {
	// The first timer is allowed to ring.
	bread := time.NewTimer(80 * time.Millisecond)
	<-bread.C
	fmt.Println("bread is ready")

	// The second is stopped before it rings.
	cake := time.NewTimer(200 * time.Millisecond)
	rang := make(chan bool, 1)
	go func() {
		<-cake.C
		rang <- true
	}()
	stopped := cake.Stop()
	fmt.Println("cake timer stopped:", stopped)

	select {
	case <-rang:
		fmt.Println("cake timer rang")
	case <-time.After(300 * time.Millisecond):
		fmt.Println("cake timer stayed quiet")
	}

	ticker := time.NewTicker(60 * time.Millisecond)
	for i := 1; i <= 3; i++ {
		<-ticker.C
		fmt.Println("stir", i)
	}
	ticker.Stop()
	fmt.Println("oven off")
}
