package main

import "fmt"

func main() {
	// A buffered channel holds values without a receiver, up to its capacity.
	shelf := make(chan string, 3)

	shelf <- "flour"
	shelf <- "rice"
	fmt.Println("on the shelf:", len(shelf), "of", cap(shelf))
	shelf <- "lentils"
	fmt.Println("on the shelf:", len(shelf), "of", cap(shelf))

	// Values come out in the order they went in.
	fmt.Println(<-shelf)
	fmt.Println(<-shelf)
	fmt.Println("left:", len(shelf))
	fmt.Println(<-shelf)
	fmt.Println("left:", len(shelf))
}
