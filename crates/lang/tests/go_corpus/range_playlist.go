package main

import "fmt"

func main() {
	songs := make(chan string, 4)
	songs <- "Harbour Lights"
	songs <- "Paper Kites"
	songs <- "Night Tram"
	close(songs)

	// range stops by itself once the channel is closed and empty.
	track := 1
	for title := range songs {
		fmt.Printf("%d. %s\n", track, title)
		track++
	}

	// A producer goroutine can close the channel when it is done.
	counts := make(chan int)
	go func() {
		for n := 3; n > 0; n-- {
			counts <- n
		}
		close(counts)
	}()
	for n := range counts {
		fmt.Print(n, "... ")
	}
	fmt.Println("liftoff")
}
