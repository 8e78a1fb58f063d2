package main

import "fmt"

func main() {
	bell := make(chan string)
	notes := make(chan string, 1)

	// Nobody is at the door: the default case runs at once.
	select {
	case who := <-bell:
		fmt.Println("visitor:", who)
	default:
		fmt.Println("no visitor")
	}

	// Nobody listens on the bell, so this send cannot happen.
	select {
	case bell <- "postman":
		fmt.Println("rang the bell")
	default:
		fmt.Println("bell not answered")
	}

	// A buffered channel with room accepts the note.
	select {
	case notes <- "back at 5":
		fmt.Println("note left")
	default:
		fmt.Println("no room for a note")
	}

	// Several cases and a default: only the note is ready.
	select {
	case who := <-bell:
		fmt.Println("visitor:", who)
	case n := <-notes:
		fmt.Println("found note:", n)
	default:
		fmt.Println("nothing happening")
	}
}
