package main

import (
	"fmt"
	"sync"
)

// Account keeps a balance behind its own lock, so tellers can share it.
type Account struct {
	mu      sync.Mutex
	Owner   string
	Balance int
	moves   int
}

func (a *Account) Deposit(amount int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.Balance += amount
	a.moves++
}

func (a *Account) Withdraw(amount int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if amount > a.Balance {
		return false
	}
	a.Balance -= amount
	a.moves++
	return true
}

// Summary has a value receiver: it reads a copy.
func (a Account) Summary() string {
	return fmt.Sprintf("%s holds %d after %d moves", a.Owner, a.Balance, a.moves)
}

func main() {
	acct := &Account{Owner: "Noor", Balance: 50}
	var wg sync.WaitGroup
	for teller := 1; teller <= 4; teller++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				acct.Deposit(n)
			}
		}(teller)
	}
	wg.Wait()
	fmt.Println(acct.Summary())
	fmt.Println("big withdrawal ok?", acct.Withdraw(1000))
	fmt.Println("small withdrawal ok?", acct.Withdraw(30))
	fmt.Println(acct.Owner, acct.Balance)
}
