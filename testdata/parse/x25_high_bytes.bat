echo été €Ÿÿ
