package main

import "fmt"

type Item struct {
	Name  string
	Price float64
	Qty   int
}

func main() {
	basket := []Item{
		{"oat milk", 1.85, 2},
		{"pears", 0.6, 5},
		{"coffee", 7.499, 1},
	}
	total := 0.0
	fmt.Printf("%-10s|%5s|%8s\n", "item", "qty", "price")
	for _, it := range basket {
		line := it.Price * float64(it.Qty)
		total += line
		fmt.Printf("%-10s|%5d|%8.2f\n", it.Name, it.Qty, line)
	}
	fmt.Printf("total %.2f (raw %f)\n", total, total)
	fmt.Printf("%v | %+v\n", basket[0], basket[1])
	fmt.Printf("%q %t %x %X %%\n", basket[2].Name, total > 10, 255, 48879)
	fmt.Printf("%T %T %T %T\n", total, basket[0].Qty, basket[0].Name, basket)
	fmt.Printf("[%4d] [%-4d] [%04d]\n", 42, 42, 42)
	label := fmt.Sprintf("%s x%d", basket[1].Name, basket[1].Qty)
	fmt.Println(label, len(label))
	fmt.Print("no newline", 3, 4, "\n")
	fmt.Print(1, 2, "\n")
}
