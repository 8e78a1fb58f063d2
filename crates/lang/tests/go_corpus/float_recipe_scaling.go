package main

import "fmt"

func main() {
	servings := 4.0
	wanted := 6.0
	scale := wanted / servings

	flour := 250.0
	sugar := 80.5
	eggs := 3.0

	fmt.Println("scale:", scale)
	fmt.Println("flour:", flour*scale)
	fmt.Println("sugar:", sugar*scale)
	fmt.Println("eggs:", eggs*scale)
	fmt.Printf("per serving: %.2f g flour\n", flour*scale/wanted)

	third := 1.0 / 3.0
	fmt.Println(third, third*3)
	fmt.Println(0.1+0.2, 2.5-0.5, 1e6, 1.5e-7)
	fmt.Printf("%f %.1f %8.3f|\n", third, 2.25, 3.14159)

	temps := []float64{21.5, 19.0, 23.25}
	sum := 0.0
	for _, t := range temps {
		sum += t
	}
	fmt.Println("average:", sum/float64(len(temps)))
	fmt.Println(temps)
}
